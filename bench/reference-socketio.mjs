// Reference server for `npm run bench -- memory`: a bare Socket.IO 4.8 server on a plain
// http server, as its documentation starts one, with a connection handler that registers
// nothing. What an idle connection costs here is what the library itself costs.
import http from 'node:http';
import { Server } from 'socket.io';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT ?? 0);
const server = http.createServer((_request, response) => {
	response.writeHead(200, { 'Content-Type': 'text/plain' });
	response.end('okay');
});
const io = new Server(server);
io.on('connection', () => {});

server.listen(port, host, () => {
	const address = server.address();
	console.log(`socket.io listening on port ${typeof address === 'object' && address ? address.port : port}`);
});

process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
