/** The browser test's one look at the environment: children it spawns inherit it whole. */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;
