// A load-generating child process (bench/lib/<file>.ts, forked under tsx) that answers
// requests over IPC: { id, type, ... } in, { id, body } or { id, error } out.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export class Child {
	private next = 1;
	private waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

	constructor(
		readonly name: string,
		readonly proc: ChildProcess
	) {
		proc.on('message', (raw) => {
			const m = raw as { id: number; body?: unknown; error?: string };
			const w = this.waiting.get(m.id);
			this.waiting.delete(m.id);
			if (m.error) w?.reject(new Error(`${name}: ${m.error}`));
			else w?.resolve(m.body);
		});
		proc.on('exit', (code, signal) => {
			for (const w of this.waiting.values()) w.reject(new Error(`${name} exited (${code ?? signal})`));
			this.waiting.clear();
		});
	}

	/** Forks bench/lib/<file>. */
	static start(name: string, file: string): Child {
		const proc = fork(path.join(import.meta.dirname, file), [], {
			// BENCH_GENERATOR_PROFILE=<dir>: CPU profiles of the load generator's processes, to see what saturates it.
			execArgv: [
				'--import',
				'tsx',
				...(process.env.BENCH_GENERATOR_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_GENERATOR_PROFILE}`] : [])
			],
			serialization: 'advanced',
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		return new Child(name, proc);
	}

	get pid(): number {
		return this.proc.pid!;
	}

	call<T>(message: Record<string, unknown>, timeoutMs = 120_000): Promise<T> {
		const id = this.next++;
		return new Promise<T>((resolve, reject) => {
			const timer = setTimeout(() => {
				this.waiting.delete(id);
				reject(new Error(`${this.name}: no answer to ${String(message.type)} in ${timeoutMs} ms`));
			}, timeoutMs);
			this.waiting.set(id, {
				resolve: (v) => {
					clearTimeout(timer);
					resolve(v as T);
				},
				reject: (e) => {
					clearTimeout(timer);
					reject(e);
				}
			});
			this.proc.send({ id, ...message });
		});
	}

	async stop(): Promise<void> {
		if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
		const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
		await this.call({ type: 'stop' }, 5_000).catch(() => {});
		const force = setTimeout(() => this.proc.kill('SIGKILL'), 3_000);
		await exited;
		clearTimeout(force);
	}
}
