const re = /\/\*not a comment*\//g, x = a / b / c;
const t = `ALTER TABLE ${table} ADD COLUMN ${`nested ${deep}`} TEXT`;
await prisma.$executeRaw`DROP TABLE "User"`;
await prisma.$queryRawUnsafe("CREATE INDEX i ON t(" + col + ")");
const q = 'it\'s' + "say \"hi\"" // line comment `
/* block ` ' " */
pool.query(sql`ALTER TABLE users DROP COLUMN legacy`);
knex.raw('TRUNCATE TABLE audit');
const url = "postgresql://admin:s3cret@db.example.com:5432/app?schema=public";
if (a</b>/g.test(s)) {} <div>{`jsx ${1}`}</div>
