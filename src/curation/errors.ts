/** A change to the corpus was refused; the message is for the moderator, and nothing was changed. */
export class CurationError extends Error {
  override name = 'CurationError';
}
