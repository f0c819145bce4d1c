/**
 * Errors of the GitHub API, apart from the Octokit client (an ESM-only dependency) so that code
 * that only handles them does not load it.
 */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** A 403: the token lacks a permission. `permission` is what to add to the workflow. */
export class PermissionError extends ApiError {
  constructor(
    message: string,
    readonly permission: string,
  ) {
    super(message, 403);
  }
}
