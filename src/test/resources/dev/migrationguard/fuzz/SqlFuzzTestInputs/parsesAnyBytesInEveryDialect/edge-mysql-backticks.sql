CREATE TABLE `User` (`id` INTEGER NOT NULL AUTO_INCREMENT, `e` ENUM('A', 'B') NOT NULL, UNIQUE INDEX `User_e_key`(`e`), PRIMARY KEY (`id`)) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
RENAME TABLE `User` TO `Person`, `a` TO `b`;
