/**
 * Words every social-media team writes and no general dictionary lists: platform and product
 * names and the trade's vocabulary. Accepted in every language, before the workspace's own list.
 */
export const SOCIAL_VOCABULARY: readonly string[] = [
  'Instagram', 'Facebook', 'LinkedIn', 'Bluesky', 'Mastodon', 'Threads', 'TikTok', 'YouTube', 'WhatsApp', 'Pinterest',
  'Telegram', 'Discord', 'Slack', 'Snapchat', 'Twitch', 'Reddit', 'Fediverse', 'Postplan',
  'Hashtag', 'Hashtags', 'Emoji', 'Emojis', 'Story', 'Stories', 'Reel', 'Reels', 'Livestream', 'Livestreams', 'Giveaway',
  'Giveaways', 'Influencer', 'Influencerin', 'Influencerinnen', 'Follower', 'Followern', 'Followerin', 'Followerinnen',
  'Repost', 'Reposts', 'Newsletter', 'Podcast', 'Podcasts', 'Webinar', 'Webinare', 'Onlineshop', 'Online-Shop', 'Link',
  'Links', 'Bio', 'Feed', 'Feeds', 'Community', 'Communitys', 'Content', 'Creator', 'Creatorin', 'Creatorinnen', 'Post',
  'Posts', 'posten', 'gepostet', 'teilen', 'liken', 'gelikt', 'Likes', 'Sale', 'Shop', 'Website', 'Websites', 'Blog',
  'Blogpost', 'Blogposts', 'Team', 'Teams', 'Update', 'Updates', 'Event', 'Events', 'Online', 'online', 'Kommentare',
];
