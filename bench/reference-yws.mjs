// Reference server for `npm run bench`: the stock @y/websocket-server 0.1.1, started the way
// its package does it (src/server.js: an http server, a `ws` server in noServer mode, and
// setupWSConnection from '@y/websocket-server/utils'), with no auth and no persistence.
// The only change: PORT=0 picks a free port, and the line below reports which.
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const wss = new WebSocketServer({ noServer: true });
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT ?? 0);

const server = http.createServer((_request, response) => {
	response.writeHead(200, { 'Content-Type': 'text/plain' });
	response.end('okay');
});

wss.on('connection', setupWSConnection);

server.on('upgrade', (request, socket, head) => {
	wss.handleUpgrade(request, socket, head, (ws) => {
		wss.emit('connection', ws, request);
	});
});

server.listen(port, host, () => {
	const address = server.address();
	console.log(`y-websocket-server listening on port ${typeof address === 'object' && address ? address.port : port}`);
});

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
