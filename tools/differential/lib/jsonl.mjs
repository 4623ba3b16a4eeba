// Streaming JSON Lines input and output: constant memory for any number of cases.

import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** Opens a file, or stdin for '-'. */
export function openInput(path) {
  return path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
}

/**
 * Yields `{line, value}` for each non-blank line, or `{line, error}` when it is not JSON.
 * `line` is 1-based.
 */
export async function* readJsonLines(input) {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (e) {
      yield { line, error: `line ${line}: not JSON: ${e.message}` };
    }
  }
}

/** Writes one JSON value per line, waiting when the stream asks for it. */
export class JsonLinesWriter {
  constructor(stream) {
    this.stream = stream;
  }

  async write(value) {
    if (!this.stream.write(JSON.stringify(value) + '\n')) await once(this.stream, 'drain');
  }

  async end() {
    if (this.stream === process.stdout || this.stream === process.stderr) return;
    await new Promise((resolve, reject) => this.stream.end((e) => (e ? reject(e) : resolve())));
  }
}
