/**
 * Child process for durability.test.ts: writes as fast as it can and reports every acknowledged write on
 * stdout, until the test kills it with SIGKILL. Usage: node --import tsx crash-writer.fixture.ts <dataDir>
 *
 *   ack <id>        insert of document <id> was acknowledged
 *   inc <w> <n>     the n-th $inc of counter doc ctr-<w> was acknowledged
 *   del <id>        removal of document <id> was acknowledged (every 10th insert is removed again)
 */
import { Clock } from '../clock';
import { DbEngine } from './engine';

const WRITERS = 8;

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: crash-writer.fixture.ts <dataDir>');
  // A small compaction threshold, so the kill also lands during compactions.
  const engine = await DbEngine.open({ dataDir, clock: new Clock(), compactBytes: 64 * 1024 });
  const env = 'crash-env';
  const call = (body: Record<string, unknown>): Promise<Record<string, unknown>> => engine.handle({ ...body, envName: env });
  await call({ action: 'database.addCollection', collectionName: 'c' });
  for (let w = 0; w < WRITERS; w++) {
    await call({ action: 'database.insertDocument', collectionName: 'c', data: [JSON.stringify({ _id: `ctr-${w}`, n: { $numberInt: '0' } })] });
  }
  process.stdout.write('ready\n');
  const writer = async (w: number): Promise<void> => {
    for (let i = 0; ; i++) {
      const id = `w${w}-${i}`;
      const r = await call({
        action: 'database.insertDocument',
        collectionName: 'c',
        data: [JSON.stringify({ _id: id, w, i, pad: 'p'.repeat(200) })],
      });
      if (r.code) throw new Error(JSON.stringify(r));
      process.stdout.write(`ack ${id}\n`);
      const u = await call({
        action: 'database.modifyDocument',
        collectionName: 'c',
        queryType: 'DOC',
        query: JSON.stringify({ _id: `ctr-${w}` }),
        data: JSON.stringify({ $inc: { n: { $numberInt: '1' } } }),
        multi: false,
        merge: true,
        upsert: false,
      });
      if (u.code) throw new Error(JSON.stringify(u));
      process.stdout.write(`inc ${w} ${i + 1}\n`);
      if (i % 10 === 5) {
        const d = await call({ action: 'database.removeDocument', collectionName: 'c', queryType: 'DOC', query: JSON.stringify({ _id: id }), multi: false });
        if (d.code) throw new Error(JSON.stringify(d));
        process.stdout.write(`del ${id}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
