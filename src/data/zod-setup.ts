/**
 * Turns off zod's compiled fast path before any schema exists. Zod probes for it with
 * `new Function('')`, which the app's Content-Security-Policy (no 'unsafe-eval') refuses and
 * reports as a violation; the interpreted path validates the same. Import it first.
 */
import { z } from 'zod';

z.config({ jitless: true });
