/** Content errors name the file and line so a writer can jump straight to the problem. */
export interface ContentError {
  file: string;
  line: number | null;
  message: string;
}

export function formatContentError(error: ContentError): string {
  return `${error.file}${error.line === null ? '' : `:${error.line}`}: ${error.message}`;
}
