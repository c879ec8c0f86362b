/** What Logstash pipeline ids, instance ids and client tokens look like; the inputs and the handle schema both hold to them. */
export const PIPELINE_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const INSTANCE_ID = /^[A-Za-z0-9-]{1,64}$/;
export const CLIENT_TOKEN = /^[A-Za-z0-9._-]{1,64}$/;
