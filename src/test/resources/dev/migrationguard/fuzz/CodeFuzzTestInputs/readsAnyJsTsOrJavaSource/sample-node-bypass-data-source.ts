import "reflect-metadata";
import { DataSource } from "typeorm";
import { Quest } from "./quest.entity";

export const AppDataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Quest],
  // Convenient while prototyping; nobody turned it off before the first deploy.
  synchronize: true,
  logging: false,
});
