export { main } from './cli';
export { runBackupDemo, type BackupDemoOptions, type BackupDemoResult } from './demo';
