//! Entities merged across articles: each article's alias chains joined by
//! name (accents folded, surnames matched for people).

use crate::names::{name_key, same_person};
use crosswire_link::Origins;
use crosswire_model::dossier::EntityGroup;
use crosswire_model::{Article, EntityKind, SpanKind};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "PERSON",
        EntityKind::Org => "ORG",
        EntityKind::Gpe => "GPE",
        EntityKind::Loc => "LOC",
        EntityKind::Facility => "FACILITY",
        EntityKind::Law => "LAW",
        EntityKind::Group => "GROUP",
    }
}

/// Merges the entity clusters of all articles.
///
/// Candidates come from an index on the folded name and, for people, on
/// the surname, so each mention is compared with a handful of groups
/// rather than all of them.
pub fn entity_groups(articles: &[Article], origins: &Origins) -> Vec<EntityGroup> {
    let mut groups: Vec<(EntityKind, EntityGroup)> = Vec::new();
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::default();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    for (ai, a) in articles.iter().enumerate() {
        for s in &a.spans {
            let SpanKind::Entity {
                entity,
                canonical,
                role,
                ..
            } = &s.kind
            else {
                continue;
            };
            let key = name_key(canonical);
            let surname = key.rsplit(' ').next().unwrap_or("").to_string();
            let found = by_key.get(&(*entity, key.clone())).copied().or_else(|| {
                (*entity == EntityKind::Person)
                    .then(|| by_surname.get(&surname))
                    .flatten()
                    .and_then(|cands| {
                        cands
                            .iter()
                            .copied()
                            .find(|&g| same_person(&groups[g].1.name, canonical))
                    })
            });
            let g = match found {
                Some(g) => g,
                None => {
                    groups.push((
                        *entity,
                        EntityGroup {
                            name: canonical.clone(),
                            kind: kind_name(*entity).to_string(),
                            aliases: Vec::new(),
                            roles: Vec::new(),
                            articles: Vec::new(),
                            origin_count: 0,
                        },
                    ));
                    let g = groups.len() - 1;
                    if *entity == EntityKind::Person {
                        by_surname.entry(surname).or_default().push(g);
                    }
                    g
                }
            };
            by_key.entry((*entity, key)).or_insert(g);
            let g = &mut groups[g].1;
            // The fullest spelling names the group.
            if canonical.len() > g.name.len() {
                g.name = canonical.clone();
            }
            let surface = a.slice(s.range);
            if !g.aliases.iter().any(|x| x == surface) {
                g.aliases.push(surface.to_string());
            }
            if let Some(r) = role {
                if !g.roles.contains(r) {
                    g.roles.push(r.clone());
                }
            }
            if !g.articles.contains(&ai) {
                g.articles.push(ai);
            }
        }
    }
    let mut out: Vec<EntityGroup> = groups
        .into_iter()
        .map(|(_, mut g)| {
            g.origin_count = g
                .articles
                .iter()
                .filter_map(|&a| origins.of_article.get(a))
                .collect::<BTreeSet<_>>()
                .len();
            g
        })
        .collect();
    out.sort_by(|a, b| {
        b.origin_count
            .cmp(&a.origin_count)
            .then(b.aliases.len().cmp(&a.aliases.len()))
            .then(a.name.cmp(&b.name))
    });
    out
}
