const express = require("express");
const { PrismaClient } = require("@prisma/client");

const prisma = new PrismaClient();
const app = express();
app.use(express.json());

app.get("/users/:id/posts", async (req, res) => {
  const posts = await prisma.post.findMany({
    where: { authorId: Number(req.params.id), published: true },
    orderBy: { createdAt: "desc" },
  });
  res.json(posts);
});

app.post("/users", async (req, res) => {
  const user = await prisma.user.create({ data: { email: req.body.email, name: req.body.name } });
  res.status(201).json(user);
});

app.listen(process.env.PORT || 3000);
