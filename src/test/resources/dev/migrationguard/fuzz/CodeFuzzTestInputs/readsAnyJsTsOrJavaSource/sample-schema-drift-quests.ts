import { PrismaClient } from "@prisma/client";

const prisma = new PrismaClient();

// Works against the developer's database (where `db push` created the tables) and fails in production.
export async function completeQuest(questId: number) {
  const quest = await prisma.quest.findUniqueOrThrow({ where: { id: questId }, include: { badges: true } });
  return quest.badges;
}
