"""Sample inputs for the import tests (kept out of conftest.py): a LinkedIn data export with
the tables and columns LinkedIn writes, a RenderCV input file in the shape of RenderCV's
own example, and a resume.json of JSON Resume's 0.0.x schema, as most on GitHub are.

All people and companies are invented.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

LINKEDIN: dict[str, str] = {
    # LinkedIn writes a BOM on some tables, CRLF line ends, and quotes cells with commas or lines.
    "Profile.csv": (
        "\ufeffFirst Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
        "Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
        "Priya,Raman,,\"12 Elm Row, Leeds\",\"Apr 3, 1991\",Supply Chain Analyst | Demand Planning,"
        "\"Analyst who turns order data into forecasts planners trust.\n\n"
        "Seven years across retail and logistics.\",Logistics,LS1 4AB,\"Leeds, England, United Kingdom\","
        "[priyaraman],\"[PORTFOLIO:https://priya.example.com,BLOG:https://notes.priya.example.com]\",\r\n"),
    "Email Addresses.csv": (
        "Email Address,Confirmed,Primary,Updated On\r\n"
        "p.raman@oldmail.example,Yes,No,2016-04-01\r\n"
        "priya.raman@example.com,Yes,Yes,2024-01-09\r\n"),
    "PhoneNumbers.csv": "Extension,Number,Type\r\n,+44 7700 900123,Mobile\r\n",
    "Positions.csv": (
        "Company Name,Title,Description,Location,Started On,Finished On\r\n"
        "Northwind Freight,Senior Supply Chain Analyst,"
        "\"Own the weekly demand forecast for 4,000 SKUs.\n"
        "• Cut forecast error from 31% to 18% with a seasonal model in Python\n"
        "• Built the stock-out dashboard the buying team opens every morning\n"
        "- Trained six planners to read the forecast's intervals\",\"Leeds, United Kingdom\",Mar 2021,\r\n"
        "Harbour Retail Ltd,Supply Chain Analyst,\"Replenishment analysis for 120 stores, in SQL and Excel.\","
        "Manchester,Aug 2018,Feb 2021\r\n"
        "Harbour Retail Ltd,Graduate Analyst,,Manchester,2017,2018\r\n"),
    "Education.csv": (
        "School Name,Start Date,End Date,Notes,Degree Name,Activities\r\n"
        "University of Leeds,2013,2017,\"Dissertation on bullwhip effects in grocery supply chains\","
        "BSc Logistics and Supply Chain Management,Operations Society (treasurer)\r\n"),
    "Skills.csv": "Name\r\nDemand Planning\r\nPython\r\nSQL\r\nForecasting\r\nPython\r\n",
    "Certifications.csv": (
        "Name,Url,Authority,Started On,Finished On,License Number\r\n"
        "APICS Certified Supply Chain Professional (CSCP),https://www.credly.com/badges/cscp-example,ASCM,"
        "Jun 2022,Jun 2027,CSCP-0042\r\n"),
    "Languages.csv": (
        "Name,Proficiency\r\nEnglish,Native or bilingual proficiency\r\nTamil,Full professional proficiency\r\n"),
    "Projects.csv": (
        "Title,Description,Url,Started On,Finished On\r\n"
        "Open freight-lane dataset,\"Cleaned and published 3 years of UK freight lane prices.\","
        "https://github.com/priya-example/lanes,Jan 2023,Sep 2023\r\n"),
    "Volunteering.csv": (
        "Company Name,Role,Cause,Started On,Finished On,Description\r\n"
        "Leeds Food Bank,Logistics Volunteer,Poverty Alleviation,Jan 2020,,"
        "\"Plan the Saturday collection rounds for 14 drivers.\"\r\n"),
    "Honors.csv": "Title,Description,Issued On\r\nAnalyst of the Year,Northwind Freight's award for 2023,Dec 2023\r\n",
    "Publications.csv": (
        "Name,Published On,Description,Publisher,Url\r\n"
        "Forecasting for small retailers,Nov 2022,A practical guide,Logistics Today,https://logistics.example/f\r\n"),
    # Not resume data: never read.
    "Connections.csv": (
        "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses "
        "are missing.\"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Tom,Reed,https://www.linkedin.com/in/tom-reed-example,,Northwind Freight,Planner,12 Jan 2022\r\n"),
    "messages.csv": "CONVERSATION ID,FROM,TO,DATE,CONTENT\r\nc1,Tom Reed,Priya Raman,2024-01-01,Hello\r\n",
}
"""A LinkedIn export, table by table, as LinkedIn names and fills them."""

LINKEDIN_NAMES = ["Priya Raman", "Northwind Freight", "Harbour Retail Ltd", "University of Leeds",
                  "APICS Certified Supply Chain Professional (CSCP)", "Open freight-lane dataset",
                  "Leeds Food Bank", "Analyst of the Year", "Forecasting for small retailers",
                  "Cut forecast error from 31% to 18% with a seasonal model in Python"]
"""Strings of the export that its resume must show."""


def linkedin_zip(path: Path, files: dict[str, str | bytes] | None = None, folder: str = "") -> Path:
    """Write a LinkedIn-style export ZIP at ``path`` (``folder``: the folder its tables sit in)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in (LINKEDIN if files is None else files).items():
            archive.writestr(folder + name, text)
    return path


RENDERCV = """\
cv:
  name: Mateo Álvarez
  headline: Backend Engineer
  location: Valencia, Spain
  email: mateo.alvarez@example.com
  phone: tel:+34-600-123-456
  website: https://mateo.example.dev/
  social_networks:
    - network: LinkedIn
      username: mateo-alvarez-example
    - network: GitHub
      username: mateo-example
    - network: Mastodon
      username: "@mateo@fosstodon.example"
  sections:
    summary:
      - Backend engineer who keeps payment systems boring. Eight years of Go and PostgreSQL.
    education:
      - institution: Universitat Politècnica de València
        area: Computer Engineering
        degree: MSc
        start_date: 2014-09
        end_date: 2016-06
        location: Valencia, Spain
        highlights:
          - 'Thesis: Idempotent retries in distributed ledgers'
    experience:
      - company: Cobalto Pagos
        position: Senior Backend Engineer
        start_date: 2020-03
        end_date: present
        location: Valencia, Spain
        summary: Payments platform for 2,000 Spanish merchants.
        highlights:
          - Cut settlement failures by 70% by making every transfer idempotent
          - Led the move of 14 services from cron jobs to a queue
      - company: '[Ferrovial Digital](https://ferrovial.example)'
        position: Backend Engineer
        start_date: 2016-07
        end_date: 2020-02
        location: Madrid, Spain
        highlights:
          - Built the toll-road billing API, 3 million calls a day
    volunteering:
      - company: CoderDojo Valencia
        position: Mentor
        start_date: 2018-01
        highlights:
          - Teach Go to teenagers on Saturday mornings
    projects:
      - name: '[pgqueue](https://github.com/mateo-example/pgqueue)'
        date: 2022
        summary: A job queue on PostgreSQL's SKIP LOCKED
        highlights:
          - 1,200 GitHub stars; used by three payment companies
      - name: Ledger kata
        start_date: 2019-01
        end_date: 2019-06
        summary: A workshop for writing a double-entry ledger
    publications:
      - title: Exactly-once payments without distributed transactions
        authors:
          - '**Mateo Álvarez**'
          - Lucía Ferrer
        doi: 10.5555/example.2023.42
        journal: Proceedings of PGConf.EU 2023
        date: 2023-10
    awards:
      - name: Engineer of the Year
        date: 2022-12
        summary: Cobalto Pagos' award for the idempotency work
    talks:
      - name: Boring payments
        date: Fall 2023
        location: Madrid
        summary: Go Madrid meetup
      - name: Queues on PostgreSQL
        date: 2024-05
        location: Barcelona
        highlights:
          - Live demo of pgqueue failing over
    skills:
      - label: Programming
        details: Go, Python, SQL
      - label: Infrastructure
        details: PostgreSQL, Kafka, Kubernetes
    languages:
      - label: Spanish
        details: Native
      - label: English
        details: Professional (C1)
    honors:
      - bullet: Speaker, PGConf.EU 2023
      - bullet: Mentor of the year, CoderDojo Valencia (2021)
    patents:
      - number: Method for idempotent settlement of card transfers (ES 2 900 001)
design:
  theme: classic
locale:
  language: en
"""
"""A RenderCV input file with every entry type, a custom section, Markdown links and a text date."""

RENDERCV_ENTRIES = [
    "Universitat Politècnica de València", "Cobalto Pagos", "Ferrovial Digital", "CoderDojo Valencia",
    "pgqueue", "Ledger kata", "Exactly-once payments without distributed transactions",
    "Engineer of the Year", "Boring payments", "Queues on PostgreSQL", "Programming",
    "Infrastructure", "Spanish", "English", "Speaker, PGConf.EU 2023",
    "Mentor of the year, CoderDojo Valencia (2021)", "Method for idempotent settlement of card transfers",
    "Backend engineer who keeps payment systems boring",
]
"""One string of each entry of :data:`RENDERCV` that its resume must show."""

OLD_RESUME = """\
{
  "basics": {
    "name": "Hannah Okoro",
    "label": "Product Designer",
    "picture": "https://hannah.example.com/me.jpg",
    "email": "hannah.okoro@example.com",
    "website": "https://hannah.example.com",
    "summary": "Designer of checkout flows that people finish.",
    "location": {"city": "Lagos", "countryCode": "NG", "state": "Lagos State"},
    "profiles": [{"network": "Dribbble", "username": "hannah-okoro", "url": "https://dribbble.com/hannah-okoro"}]
  },
  "work": [
    {"company": "Kudi Finance", "position": "Senior Product Designer", "website": "https://kudi.example",
     "startDate": "2021-02-01", "summary": "Checkout and onboarding for a mobile wallet.",
     "highlights": ["Raised checkout completion from 61% to 78%"]},
    {"company": "Paystack Labs", "position": "Product Designer", "website": "https://paystack.example",
     "startDate": "2018-06-01", "endDate": "2021-01-31", "highlights": ["Designed the merchant dashboard"]}
  ],
  "volunteer": [
    {"organization": "Design Lagos", "position": "Mentor", "website": "https://designlagos.example",
     "startDate": "2019-01-01"}
  ],
  "education": [
    {"institution": "University of Lagos", "area": "Architecture", "studyType": "Bachelor",
     "startDate": "2012-09-01", "endDate": "2016-07-01", "gpa": "4.5/5"}
  ],
  "awards": [{"title": "Best Fintech UX", "awardDate": "2022-11-01", "awarder": "AfriTech Awards"}],
  "publications": [{"name": "Designing for low bandwidth", "publisher": "UX Collective",
                    "releaseDate": "2020-05-01", "website": "https://uxc.example/low-bandwidth"}],
  "skills": [{"name": "Design", "level": "Expert", "keywords": ["Figma", "Prototyping", "Usability testing"]}],
  "hobbies": [{"name": "Photography"}],
  "languages": [{"language": "English", "fluency": "Native speaker"}]
}
"""
"""A resume.json of JSON Resume's 0.0.x schema: company, website, picture, gpa, awardDate, hobbies, state."""

OLD_EMPLOYERS = ["Kudi Finance", "Paystack Labs"]
