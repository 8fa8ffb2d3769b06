//! SDMX REST 2.1 data queries: `{base}/data/{flow}/{key}` in SDMX-CSV or
//! SDMX-JSON, read by the crate's SDMX readers.

use super::client::{Client, Request};
use super::fred::read_body;
use super::provider::{self, Kind};
use super::source::Source;
use crate::error::{Error, Result};
use crate::io::sdmx::SdmxData;
use crate::io::{AnySeries, Format, ReadOptions};

impl Client {
    /// The request for an SDMX source, with the `Accept` header (and the
    /// query parameter, where the service documents one) of the format
    /// asked for.
    fn sdmx_request(&self, source: &Source) -> Result<(Request<'static>, Format)> {
        let spec = provider::by_id(source.provider()?)?;
        let format = self.sdmx_format();
        let wanted = match format {
            Format::SdmxJson => spec.json.as_ref(),
            _ => spec.csv.as_ref(),
        };
        let Some(wanted) = wanted else {
            return Err(Error::InvalidArgument {
                name: "sdmx format",
                value: format.name().to_owned().into(),
                expected: "a format the provider serves (Eurostat's SDMX 2.1 API serves SDMX-CSV, not SDMX-JSON)",
            });
        };
        let url = match source {
            Source::Sdmx { flow, key, .. } => {
                let mut url = format!("{}/data/{flow}/{key}", self.base_url(&spec.id)?);
                if let Some(q) = &wanted.query {
                    url.push('?');
                    url.push_str(q);
                }
                url
            }
            Source::SdmxUrl { url } if spec.kind == Kind::SdmxUrl => url.clone(),
            other => {
                return Err(Error::InvalidSource {
                    input: other.to_string().into(),
                    expected: "an SDMX source, sdmx:AGENCY/FLOW/KEY or sdmx:https://URL",
                });
            }
        };
        Ok((
            Request {
                spec,
                url,
                with_key: false,
                accept: Some(wanted.accept.as_str()),
            },
            format,
        ))
    }

    /// The whole SDMX message of an SDMX source.
    pub(crate) fn sdmx_data(&self, source: &Source, options: &ReadOptions) -> Result<SdmxData> {
        let (request, format) = self.sdmx_request(source)?;
        let body = self.get(&request)?;
        let options = options.clone().format(format);
        read_body(request.spec, &request.url, &body, |r| {
            SdmxData::read(r, &options)
        })
    }

    /// The one series of an SDMX response (or the one the options select).
    pub(crate) fn sdmx_series(&self, source: &Source, options: &ReadOptions) -> Result<AnySeries> {
        let (request, format) = self.sdmx_request(source)?;
        let body = self.get(&request)?;
        let options = options.clone().format(format);
        read_body(request.spec, &request.url, &body, |r| {
            AnySeries::read(r, &options)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::fetch::{ClientBuilder, Source};

    #[test]
    fn urls_of_each_agency() {
        let client = ClientBuilder::new().build().unwrap();
        let url = |s: &str| {
            let source: Source = s.parse().unwrap();
            client
                .sdmx_request(&source)
                .map(|(r, _)| (r.url, r.accept.map(str::to_owned)))
        };
        let (u, a) = url("sdmx:ECB/EXR/M.USD.EUR.SP00.A").unwrap();
        assert_eq!(
            u,
            "https://data-api.ecb.europa.eu/service/data/EXR/M.USD.EUR.SP00.A?format=csvdata"
        );
        assert_eq!(
            a.as_deref(),
            Some("application/vnd.sdmx.data+csv;version=1.0.0")
        );
        let (u, _) = url("sdmx:ESTAT/une_rt_m/M.SA.TOTAL.PC_ACT.T.EA20").unwrap();
        assert_eq!(
            u,
            "https://ec.europa.eu/eurostat/api/dissemination/sdmx/2.1/data/une_rt_m/M.SA.TOTAL.PC_ACT.T.EA20?format=SDMX-CSV"
        );
        let (u, _) = url("sdmx:https://example.org/rest/data/X/Y?startPeriod=2020").unwrap();
        assert_eq!(u, "https://example.org/rest/data/X/Y?startPeriod=2020");
        let json = ClientBuilder::new()
            .sdmx_format(crate::io::Format::SdmxJson)
            .unwrap()
            .build()
            .unwrap();
        let estat: Source = "sdmx:ESTAT/une_rt_m/M".parse().unwrap();
        assert!(json.sdmx_request(&estat).is_err());
        let ecb: Source = "sdmx:ECB/EXR/M.USD.EUR.SP00.A".parse().unwrap();
        assert!(
            json.sdmx_request(&ecb)
                .unwrap()
                .0
                .url
                .ends_with("format=jsondata")
        );
    }
}
