/** Feldera's pipeline names as every version accepts them (the rule and its newer form: index.ts). Its own module: the handle schema reads them too. */
export const NAME = /^[A-Za-z0-9_-]+$/;
export const NAME_MAX = 100;
