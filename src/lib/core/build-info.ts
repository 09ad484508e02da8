import { sourceDateEpoch } from './build-env.ts';

/**
 * The moment this build started. Set SOURCE_DATE_EPOCH (seconds) for reproducible builds;
 * otherwise the clock. Read once so every page of one build shows the same date.
 */
export const buildTime: Date = sourceDateEpoch() ?? new Date();
