use clap::Parser;
use jazylu_server::Config;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt().with_target(false).init();
    let config = Config::parse();
    match jazylu_server::start(config).await {
        Ok(running) => {
            println!("Jazylu is running at http://{}", running.addr);
            match running.until_signal().await {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("jazylu-server: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("jazylu-server: {e}");
            ExitCode::from(2)
        }
    }
}
