// Sample chart specs for the chart tests: Finnish, with long labels and long compound words,
// suppressed cells, and one spec of every chart type.
import type {
  BarsSpec,
  ChartSpec,
  DivergingSpec,
  GapsSpec,
  HistogramSpec,
  IpaSpec,
  OrderedBarsSpec,
  PairedBarsSpec,
} from "../../src/render/charts/index.js";

export const bars: BarsSpec = {
  type: "bars",
  title:
    "Mitkä seuraavista asioista estävät sinua käyttämästä kirjaston palveluita tällä hetkellä? Valitse kaikki sopivat vaihtoehdot.",
  n: 57,
  subtitle: "voi valita useita",
  suppressedLabel: "< 5",
  measure: "respondents",
  items: [
    { label: "Aukioloajat eivät sovi minulle", share: 0.42, count: 24 },
    { label: "En tiedä, mitä palveluita kirjastossa on tarjolla", share: 0.3508, count: 20 },
    {
      label: "Työllisyyspalveluasiakkaiden tietotekniikkaneuvontapalvelut puuttuvat",
      share: 0.21,
      count: 12,
    },
    {
      label: "Kirjastoon on pitkä matka tai hankala kulkea julkisilla liikennevälineillä",
      share: 0.14,
      count: 8,
    },
    { label: "Lukemis- ja kirjoittamisvaikeudet", share: null, count: null },
    { label: "Kielitaito ei riitä", share: 0.0877, count: 5 },
    { label: "En osaa sanoa", share: 0.105, count: 6, muted: true },
  ],
};

const agree = [
  { label: "Täysin eri mieltä", side: "negative" as const },
  { label: "Jokseenkin eri mieltä", side: "negative" as const },
  { label: "Ei samaa eikä eri mieltä", side: "neutral" as const },
  { label: "Jokseenkin samaa mieltä", side: "positive" as const },
  { label: "Täysin samaa mieltä", side: "positive" as const },
];

export const diverging: DivergingSpec = {
  type: "diverging",
  title: "Kuinka samaa tai eri mieltä olet seuraavista kirjastoa koskevista väittämistä?",
  n: 48,
  suppressedLabel: "< 5",
  categories: agree,
  rows: [
    { label: "Kirjastoon on helppo tulla", n: 48, shares: [0.04, 0.08, 0.17, 0.38, 0.33], dontKnow: 0.06 },
    { label: "Henkilökunta auttaa mielellään", n: 46, shares: [0.02, 0.07, 0.2, 0.3, 0.41], dontKnow: 0.1 },
    {
      label: "Kirjaston asiakastietokoneiden käyttäminen työnhakuun on minulle vaivatonta",
      n: 44,
      shares: [0.14, 0.23, 0.27, 0.23, 0.13],
      dontKnow: 0.15,
    },
    { label: "Kirjasto on minua varten", n: 45, shares: [null, 0.2, 0.31, 0.29, 0.16], dontKnow: 0.02 },
    {
      label: "Kirjaston tapahtumista tiedottaminen tavoittaa minut",
      n: null,
      shares: [null, null, null, null, null],
      dontKnow: null,
    },
  ],
};

export const histogram: HistogramSpec = {
  type: "histogram",
  title: "Kuinka monta kirjaa olet lukenut viimeisen vuoden aikana?",
  n: 52,
  suppressedLabel: "< 5",
  axisTitle: "Luettuja kirjoja",
  bins: [
    { from: 0, to: 2, count: 14, label: "0–1" },
    { from: 2, to: 4, count: 11, label: "2–3" },
    { from: 4, to: 6, count: 9, label: "4–5" },
    { from: 6, to: 8, count: 7, label: "6–7" },
    { from: 8, to: 10, count: null, label: "8–9" },
    { from: 10, to: 12, count: 5, label: "10–11" },
    { from: 12, to: 14, count: null, label: "12–13" },
    { from: 14, to: 30, count: 6, label: "14+" },
  ],
  markers: [
    { kind: "mean", value: 5.3 },
    { kind: "median", value: 4 },
  ],
};

export const ordered: OrderedBarsSpec = {
  type: "ordered-bars",
  title: "Mitkä palvelut haluaisit kirjastoon ensimmäisenä? Jaa 10 pistettä tärkeimmille.",
  n: 38,
  suppressedLabel: "< 5",
  measure: "points",
  decimals: 0,
  items: [
    { label: "Apua työnhakuun ja hakemusten kirjoittamiseen", value: 74 },
    { label: "Digituki: sähköiset asiointipalvelut ja pankkitunnukset", value: 96 },
    { label: "Hiljainen työskentelytila", value: 41 },
    { label: "Selkokieliset kirjat ja äänikirjat", value: 33 },
    { label: "Kirjallisuuspiiri", value: null },
    { label: "Suomen kielen keskusteluryhmä maahanmuuttajille", value: 58 },
  ],
};

export const paired: PairedBarsSpec = {
  type: "paired-bars",
  title: "Osuus vastaajista, jotka ovat käyneet kirjastossa vähintään kerran kuukaudessa",
  suppressedLabel: "< 5",
  scale: { kind: "share" },
  series: [{ n: 57 }, { n: 41 }],
  items: [
    {
      label: "Kaikki vastaajat",
      values: [
        { value: 0.28, low: 0.17, high: 0.41 },
        { value: 0.46, low: 0.31, high: 0.62 },
      ],
    },
    {
      label: "Pitkäaikaistyöttömät (yli vuoden työttömänä olleet)",
      values: [
        { value: 0.19, low: 0.08, high: 0.36 },
        { value: 0.35, low: 0.17, high: 0.56 },
      ],
    },
    { label: "Alle 30-vuotiaat", values: [{ value: 0.33, low: 0.15, high: 0.57 }, { value: null }] },
  ],
};

export const ipa: IpaSpec = {
  type: "ipa",
  title: "Palveluiden tärkeys ja tyytyväisyys palveluihin",
  n: 44,
  suppressedLabel: "< 5",
  range: { min: 1, max: 5 },
  points: [
    { label: "Aukioloajat", importance: 4.4, performance: 3.1 },
    { label: "Asiakastietokoneet", importance: 4.2, performance: 3.3 },
    { label: "Henkilökunnan apu", importance: 4.5, performance: 4.3 },
    { label: "Lehdet ja sanomalehdet", importance: 3.1, performance: 4.0 },
    { label: "Tapahtumat", importance: 2.9, performance: 3.2 },
    { label: "Hiljaiset tilat", importance: 3.9, performance: 3.6 },
    { label: "Tulostus ja skannaus", importance: 4.3, performance: 3.2 },
    { label: "Selkokirjat", importance: 3.2, performance: 3.1 },
    { label: "Kirjavalikoima", importance: 3.8, performance: 4.2 },
    { label: "Neuvonta työnhakuun", importance: null, performance: null },
  ],
};

export const gaps: GapsSpec = {
  type: "gaps",
  title: "Palvelun laatu: vähimmäistaso, toivottu taso ja koettu taso (asteikko 1–9)",
  n: 36,
  suppressedLabel: "< 5",
  range: { min: 1, max: 9 },
  rows: [
    { label: "Henkilökunta on aina ystävällistä", minimum: 6.1, desired: 8.2, perceived: 7.4 },
    {
      label: "Kirjaston tilat innostavat opiskeluun ja työnhakuun",
      minimum: 5.4,
      desired: 7.9,
      perceived: 5.0,
    },
    { label: "Tarvitsemani tieto löytyy helposti", minimum: 5.8, desired: 8.1, perceived: 8.4 },
    { label: "Verkkopalvelut toimivat", minimum: null, desired: null, perceived: null },
  ],
};

export const ALL_SPECS: ChartSpec[] = [bars, diverging, histogram, ordered, paired, ipa, gaps];
