/** The command line was misused: the message says how, and the process exits 2. */
export class UsageError extends Error {}
