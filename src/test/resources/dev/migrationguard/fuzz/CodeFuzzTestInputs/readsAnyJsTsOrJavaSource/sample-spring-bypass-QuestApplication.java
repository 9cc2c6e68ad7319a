package com.example.quests;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class QuestApplication {
    public static void main(String[] args) {
        SpringApplication.run(QuestApplication.class, args);
    }
}
