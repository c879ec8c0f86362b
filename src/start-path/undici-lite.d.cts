// Types of src/start-path/undici-lite.cjs: undici's own.
import type { Agent, ProxyAgent } from 'undici';

declare const lite: { Agent: typeof Agent; ProxyAgent: typeof ProxyAgent };
export = lite;
