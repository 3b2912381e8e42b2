import { Foundation1763700000000 } from './1763700000000-foundation';
import { CalendarVersion1763800000000 } from './1763800000000-calendar-version';

/** Every migration, oldest first. A new migration is a new file here and a line in this list. */
export const migrations = [Foundation1763700000000, CalendarVersion1763800000000];
