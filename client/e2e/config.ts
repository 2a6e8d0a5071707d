/** The browser test's one look at the environment: children it spawns inherit it whole. */
export const inheritedEnv = (): NodeJS.ProcessEnv => process.env;

/**
 * Where the browser test saves its screenshots. A normal run keeps them out of the tree
 * (test-results/, ignored by git); `npm run screenshots -w @paymesh/client` refreshes the
 * README's copies in docs/screenshots/.
 */
export const screenshotDirOverride = (): string | undefined => process.env.SCREENSHOT_DIR;

/** Another Chromium-based browser to drive instead of Debian's (GitHub's runners ship Google Chrome). */
export const chromiumPathOverride = (): string | undefined => process.env.CHROMIUM_PATH;
