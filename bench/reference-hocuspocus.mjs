// Reference server for `npm run bench`: Hocuspocus 3.4 as its documentation starts it
// (`new Server({...}).listen()`), with no extensions: no auth, and documents kept in memory
// only. PORT=0 picks a free port; the line below reports which.
import { Server } from '@hocuspocus/server';

const server = new Server({
	port: Number(process.env.PORT ?? 0),
	address: process.env.HOST || '127.0.0.1',
	quiet: true
});

await server.listen();
console.log(`hocuspocus listening on port ${server.address.port}`);
