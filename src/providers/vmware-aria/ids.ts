/**
 * An execution id as Code Stream gives it (a UUID); the pipeline is an id or project/name as the
 * `pipeline-ids` input takes it (its parts are encoded into paths).
 */
export const EXECUTION_ID = /^[A-Za-z0-9-]{1,128}$/;
export const PIPELINE_REF = /^[^/]+(\/[^/]+)?$/;
