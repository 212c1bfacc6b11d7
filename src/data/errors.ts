/** A problem with the user's data, worded for the user: it is shown as is in the page. */
export class DataError extends Error {
  override name = 'DataError';
}
