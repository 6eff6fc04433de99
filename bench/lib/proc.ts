// CPU time and memory of a process, read from /proc, and CPU pinning with taskset.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

let ticksPerSecond = 100;
try {
	ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
	// 100 is the Linux default
}

export interface ProcSample {
	/** When the sample was taken (ms, performance clock). */
	at: number;
	/** User + system CPU time of the whole process (all threads), in ms. */
	cpuMs: number;
	/** Resident memory in bytes. */
	rss: number;
	/** Time the main thread was runnable but waiting for a core (ms): starvation by other
	 * processes sharing the core. */
	waitMs: number;
}

/** Samples a process; null when it is gone or /proc is not there. */
export function sample(pid: number): ProcSample | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name, which is in parentheses and may contain spaces.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		let waitMs = NaN;
		try {
			waitMs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
		} catch {
			// schedstat needs CONFIG_SCHEDSTATS
		}
		return { at: performance.now(), cpuMs: (ticks * 1000) / ticksPerSecond, rss: rssKb * 1024, waitMs };
	} catch {
		return null;
	}
}

/** CPU use between two samples, in percent of one core. */
export const cpuPercent = (a: ProcSample | null, b: ProcSample | null): number =>
	a && b && b.at > a.at ? (100 * (b.cpuMs - a.cpuMs)) / (b.at - a.at) : NaN;

/** Share of the time between two samples that the main thread waited for a core, percent. */
export const waitPercent = (a: ProcSample | null, b: ProcSample | null): number =>
	a && b && b.at > a.at ? (100 * (b.waitMs - a.waitMs)) / (b.at - a.at) : NaN;

let tasksetWorks: boolean | null = null;

/** True when taskset exists and the machine has at least two cores to split. */
export function canPin(): boolean {
	if (tasksetWorks === null) {
		try {
			execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
			tasksetWorks = os.availableParallelism() >= 2;
		} catch {
			tasksetWorks = false;
		}
	}
	return tasksetWorks;
}

/** Pins every thread of a process to one core; false when it could not. */
export function pin(pid: number, core: number): boolean {
	if (!canPin()) return false;
	try {
		execFileSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Sets the nice value of every thread of a process (Linux's nice is per thread), for a
 * generator process whose clients are load rather than measurement. */
export function setNice(pid: number, nice: number): boolean {
	try {
		for (const tid of readdirSync(`/proc/${pid}/task`)) os.setPriority(Number(tid), nice);
		return true;
	} catch {
		return false;
	}
}

/** Processes whose command line (arguments joined by spaces) matches; for servers started
 * by helpers that do not hand out their pid (redis-server, a PostgreSQL cluster). */
export function findPids(match: RegExp): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
			if (match.test(cmdline)) pids.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return pids;
}

/** A process and its direct children (a PostgreSQL postmaster and its backends). */
export function withChildren(pid: number): number[] {
	const pids = [pid];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === pid) pids.push(Number(entry));
		} catch {
			// gone meanwhile
		}
	}
	return pids;
}

/** Samples of several processes, by pid. */
export type GroupSample = Map<number, ProcSample>;

export function sampleGroup(pids: number[]): GroupSample {
	const samples: GroupSample = new Map();
	for (const pid of pids) {
		const s = sample(pid);
		if (s) samples.set(pid, s);
	}
	return samples;
}

/** CPU of a group between two samples, percent of one core, over the processes present in
 * both (a process that exited in between loses its share: keep the group long-lived). */
export function groupCpuPercent(a: GroupSample, b: GroupSample): number {
	let total = 0;
	let any = false;
	for (const [pid, s] of a) {
		const t = b.get(pid);
		if (!t) continue;
		const v = cpuPercent(s, t);
		if (!Number.isNaN(v)) {
			total += v;
			any = true;
		}
	}
	return any ? total : NaN;
}
