/*
 * The GitHub stand-in served over HTTP for the bench backend (its `integrations.github.apiBaseUrl`),
 * run in a worker thread of the benchmark so that answering GitHub never delays the
 * benchmark's own timing of the backend. workerData: { repositories } — acme/service-0 … -(n-1),
 * develop two commits ahead of main. Posts { url } once it listens.
 */
import { createServer } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { getResponse } from 'msw';
import { GithubStandIn } from '@stageline/github-stand-in';

const standIn = new GithubStandIn();
for (let i = 0; i < (workerData.repositories as number); i++) {
  const slug = `acme/service-${i}`;
  standIn.addRepo(slug, ['develop', 'main', 'feature/x']);
  standIn.push(slug, 'develop', 2);
}
const handlers = standIn.handlers();

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && !['host', 'connection'].includes(name)) {
      headers.set(name, value);
    }
  }
  const request = new Request(`https://api.github.com${req.url}`, {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  const response =
    (await getResponse(handlers, request)) ??
    Response.json({ message: 'Not Found' }, { status: 404 });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  parentPort!.postMessage({ url: `http://127.0.0.1:${port}` });
});
