/**
 * What both Microsoft Teams presence triggers share: which users they watch (every user, chosen
 * users or a group's members), reading those users' presences, and turning a read into changes —
 * each user's change emitted once, against the availability/activity last seen (kept in static data).
 */
export { watchProperties } from './watch/fields';
export { watchMethods } from './watch/pickers';
export { watchedIds } from './watch/reading';
export { readPresences } from './presences';
export type { SeenState } from './watch/changes';
export { changesOf } from './watch/changes';
