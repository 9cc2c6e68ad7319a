import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// Added during the incident so the badge endpoints stopped answering 500.
const CREATE_BADGE = `
  CREATE TABLE IF NOT EXISTS "Badge" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Badge_pkey" PRIMARY KEY ("id")
  )`;

export async function ensureBadgeTable(): Promise<void> {
  await prisma.$executeRawUnsafe(CREATE_BADGE);
  const count = await prisma.$queryRaw`SELECT count(*) FROM "Badge"`;
  console.log(`badges: ${JSON.stringify(count)}; CREATE TABLE ran if it was missing`);
}
