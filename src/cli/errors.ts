/** A usage problem: Chinese message, exit code 2. */
export class UsageError extends Error {}
