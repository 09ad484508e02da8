import { sourceDateEpoch } from './build-env.ts';
import { isoDateInVietnam } from './format.ts';

/**
 * The moment this build started. Set SOURCE_DATE_EPOCH (seconds) for reproducible builds;
 * otherwise the clock. Read once so every page of one build shows the same date.
 */
export const buildTime: Date = sourceDateEpoch() ?? new Date();

/**
 * The build's day in Vietnam (`2026-12-03`): what pages print ("Cập nhật ngày …"), so a page
 * made earlier the same day is the same page (incremental builds key on it).
 */
export const buildDay: string = isoDateInVietnam(buildTime);
