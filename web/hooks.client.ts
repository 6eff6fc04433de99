// Runs in the browser before the app starts.
import { z } from 'zod';

// zod probes `Function('')` to see whether it may compile fast parsers; under our
// Content-Security-Policy (no 'unsafe-eval') that probe is a reported violation. The
// interpreted parsers are fast enough for the forms and socket payloads the browser checks.
z.config({ jitless: true });
