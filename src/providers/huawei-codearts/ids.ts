/** CodeArts ids (project, pipeline, pipeline run): 32 letters and digits. The handle schema holds `runs` to it. */
export const ID = /^[A-Za-z0-9]{32}$/;
