/** A broken content pack: names the file and line so an editor can fix it without reading code. */
export class ContentPackError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'ContentPackError';
  }
}
