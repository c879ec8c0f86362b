/**
 * Stands in for `@actions/exec` in the bundle (the "stand-ins" trick of seam.mjs; tsconfig.build.json maps the package here).
 * @actions/core imports it for `platform.getDetails()` alone, which this action never calls; the real
 * module (with @actions/io and node:child_process) is loaded on first use instead of at every start.
 */
import type * as Real from '../../node_modules/@actions/exec/lib/exec.js';

const loadReal = (): Promise<typeof Real> => import('../../node_modules/@actions/exec/lib/exec.js');

export const exec: typeof Real.exec = async (...args) => (await loadReal()).exec(...args);

export const getExecOutput: typeof Real.getExecOutput = async (...args) => (await loadReal()).getExecOutput(...args);
