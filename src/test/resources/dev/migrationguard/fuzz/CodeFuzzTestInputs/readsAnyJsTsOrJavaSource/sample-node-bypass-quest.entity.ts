import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity()
export class Quest {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column()
  title!: string;

  @Column({ default: 0 })
  reward!: number;
}
