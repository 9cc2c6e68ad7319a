-- CreateTable
CREATE TABLE "Job" (
    "id" SERIAL NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);
