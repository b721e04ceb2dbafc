/**
 * The HTTP baseline for the appends benchmark: Express in its own process, parsing the
 * same JSON bodies and answering 201 with a result of the service's shape, doing no
 * other work. It shows what one core does with Express alone, so the service's figure
 * reads as a share of it. Sends its port to the parent once it listens.
 */
import express from 'express';

const app = express();
app.use(express.json({ limit: '1mb' }));
let position = 0;
app.post('/v1/streams/:stream/events', (req, res) => {
  const body = req.body as { facts?: unknown[] };
  const events = (body.facts ?? [body]).map(() => ({ id: 'bare', position: ++position, revision: position }));
  res.status(201).json({ stream: req.params.stream, revision: position, position, events });
});
const server = app.listen(0, '127.0.0.1', () => process.send!((server.address() as { port: number }).port));
