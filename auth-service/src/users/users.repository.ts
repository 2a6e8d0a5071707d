import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { users } from '../db/schema.js';

export interface UserRow {
  id: string;
  username: string;
  passwordHash: string;
  createdAt: Date;
}

export function createUsersRepository(db: Db) {
  return {
    /** The new user, or undefined when the name is taken in any letter case. */
    async insertUser(username: string, passwordHash: string): Promise<UserRow | undefined> {
      const [row] = await db.insert(users).values({ username, passwordHash }).onConflictDoNothing().returning();
      return row;
    },

    async findByUsername(username: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(sql`lower(${users.username}) = lower(${username})`);
      return row;
    },

    async findById(id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.update(users).set({ passwordHash }).where(eq(users.id, id));
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
