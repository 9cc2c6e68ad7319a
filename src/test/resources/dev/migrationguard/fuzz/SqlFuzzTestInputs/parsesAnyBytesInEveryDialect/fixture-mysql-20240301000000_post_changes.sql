-- AlterTable
ALTER TABLE `Post` ADD COLUMN `slug` VARCHAR(191) NOT NULL, -- expect: add-not-null-without-default
    ADD COLUMN `views` INTEGER NOT NULL DEFAULT 0,
    MODIFY `title` VARCHAR(100) NOT NULL; -- expect: alter-column-type

-- CreateIndex
CREATE UNIQUE INDEX `Post_slug_key` ON `Post`(`slug`); -- expect: add-unique-constraint

-- CreateIndex (MySQL builds indexes online: no create-index-blocking)
CREATE INDEX `Post_title_idx` ON `Post`(`title`);

-- AddForeignKey (no add-foreign-key-blocking outside PostgreSQL)
ALTER TABLE `Post` ADD CONSTRAINT `Post_editorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE `Post` ADD UNIQUE INDEX `Post_content_key`(`content`(100)); -- expect: add-unique-constraint
ALTER TABLE `Post` RENAME COLUMN `content` TO `body`; -- expect: rename-breaks-clients
ALTER TABLE `Post` CHANGE `body` `text` TEXT NULL; -- expect: rename-breaks-clients
RENAME TABLE `Post` TO `Article`; -- expect: rename-breaks-clients

DROP INDEX `Post_title_idx` ON `Article`;
