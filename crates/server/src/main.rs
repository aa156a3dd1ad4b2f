use clap::Parser;
use jazylu_server::config::Command;
use jazylu_server::Config;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    // Logs to stderr; stdout carries only the address line that scripts and tests read.
    tracing_subscriber::fmt().with_target(false).with_writer(std::io::stderr).init();
    jazylu_server::log_panics_without_payload();
    let config = Config::parse();
    if let Some(Command::Backup { file }) = &config.command {
        return match jazylu_server::db::backup(&config.database, file) {
            Ok(()) => {
                println!("backed up {} to {}", config.database.display(), file.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("jazylu-server backup: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(Command::CheckCatalogue { file }) = &config.command {
        return check_catalogue(&config, file);
    }
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

/// `check-catalogue FILE`: every problem, one per line, and a non-zero exit if there is any.
fn check_catalogue(config: &Config, file: &std::path::Path) -> ExitCode {
    match jazylu_server::draft::check_file(&config.catalogue, file) {
        Ok(problems) if problems.is_empty() => {
            println!("{}: no problems", file.display());
            ExitCode::SUCCESS
        }
        Ok(problems) => {
            println!("{}: {} problem(s)", file.display(), problems.len());
            for p in problems {
                println!("  {p}");
            }
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("jazylu-server check-catalogue: {e}");
            ExitCode::from(2)
        }
    }
}
