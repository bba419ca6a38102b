export * from './config';
export * from './duration';
export * from './exec';
export * from './listen';
export * from './logger';
export * from './schemas';
export * from './signals';
