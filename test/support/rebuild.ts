// Builds a book's HTML edition each time a line arrives on stdin, the way a long-running
// preview calls build() again after a change, and answers each with a line of JSON. Run
// by test/books/rebuild.test.ts as a bundle under plain Node, as the `folio` command runs.
import { createInterface } from 'node:readline';
import { build } from '../../src/build.js';
import { formatMessages } from '../../src/diagnostics/report.js';

const [manifest, outDir] = process.argv.slice(2) as [string, string];
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'stop') break;
  const result = await build(manifest, { formats: ['html'], outDir, jobs: 1 });
  process.stdout.write(`${JSON.stringify({ written: result.written.map((event) => event.path), messages: formatMessages(result.files) })}\n`);
}
