/** The opsdesk-backup command line (filled by the CLI's author: run, restore-test, flush). */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`opsdesk-backup: no command yet (${argv.join(' ')})\n`);
  return 2;
}
