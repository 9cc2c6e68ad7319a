DATABASE_URL="postgresql://app:s3cret@db/app" npx prisma db push ]0;title [2J	x	‮evil
