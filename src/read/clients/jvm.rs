//! JVM clients: openai-java (`com.openai.errors.RateLimitException: 429: …`), TheoKanning's openai-java
//! (`OpenAiHttpException`), openai-kotlin (`com.aallam.openai.api.exception.*`), Ktor's and Retrofit's HTTP
//! errors (`retrofit2.HttpException: HTTP 429 Too Many Requests`), and the frameworks around them (Spring
//! AI, LangChain4j). The status comes from the message, else from the class name.

use super::ClassShape;

pub const CLASSES: &[ClassShape] = &[
    ClassShape { prefix: "com.openai.", client: "openai-java", openai: true, via: None },
    ClassShape { prefix: "com.theokanning.openai.", client: "openai-java (TheoKanning)", openai: true, via: None },
    ClassShape { prefix: "com.aallam.openai.", client: "openai-kotlin", openai: true, via: None },
    ClassShape { prefix: "io.github.sashirestela.openai.", client: "simple-openai", openai: true, via: None },
    ClassShape { prefix: "io.ktor.client.", client: "Ktor", openai: false, via: None },
    // TheoKanning's openai-java is Retrofit with the RxJava 2 adapter; its HTTP errors are that adapter's.
    ClassShape { prefix: "retrofit2.adapter.rxjava2.", client: "openai-java (TheoKanning)", openai: true, via: None },
    ClassShape { prefix: "retrofit2.", client: "Retrofit", openai: false, via: None },
    ClassShape { prefix: "org.springframework.ai.", client: "Spring AI", openai: false, via: Some("Spring AI") },
    ClassShape { prefix: "dev.langchain4j.", client: "LangChain4j", openai: false, via: Some("LangChain4j") },
    ClassShape { prefix: "dev.ai4j.openai4j.", client: "openai4j", openai: true, via: None },
];
